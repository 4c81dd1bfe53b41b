// A compound file is told apart by its directory: an .xlsx with a password to open (EncryptionInfo
// and EncryptedPackage at the root), an .xls with one (FILEPASS after BOF), a plain .xls, or
// something else. Bounded on hostile input: a looping chain ends.
import { defaultScheme, readSubmission } from '../../../shared';
import { compoundContent, type CompoundContent } from '../../../shared/zip/compound';
import { compoundFile, encryptedXlsx, haveUno, oldXls, savedByLibreOffice } from '../../helpers/compound-file';
import { template } from '../../helpers/workbooks';

if (!haveUno) console.warn('LibreOffice with python3-uno not found: the .xls files saved by LibreOffice are skipped (CI installs libreoffice-calc)');

/** Sets the FAT entry of `sector` (512-byte sectors, the FAT in sector 0) to `next`. */
function withFat(b: Uint8Array, sector: number, next: number): Uint8Array {
  const out = b.slice();
  new DataView(out.buffer).setUint32(512 + 4 * sector, next, true);
  return out;
}

const dirStart = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset).getUint32(0x30, true);

const CASES: Array<[string, () => Uint8Array, CompoundContent]> = [
  ['an .xlsx with a password to open (512-byte sectors, EncryptionInfo in the mini stream)', () => encryptedXlsx(), 'encryptedPackage'],
  ['the same with 4096-byte sectors (version 4)', () => encryptedXlsx({ version: 4 }), 'encryptedPackage'],
  ['a large one (EncryptedPackage over many sectors)', () => encryptedXlsx({ packageSize: 300_000 }), 'encryptedPackage'],
  ['its directory over several sectors, laid out in reverse (only the FAT chain reads it)', () => encryptedXlsx({ scatterDirectory: true }), 'encryptedPackage'],
  ['an .xls', () => oldXls(), 'xls'],
  ['an .xls with 4096-byte sectors', () => oldXls({ version: 4 }), 'xls'],
  ['an .xls whose Workbook stream is small (in the mini stream)', () => oldXls({ workbookSize: 600 }), 'xls'],
  ['a BIFF5 .xls (its stream is "Book")', () => oldXls({ stream: 'Book' }), 'xls'],
  ['an .xls with a password to open', () => oldXls({ password: true }), 'encryptedXls'],
  ['an .xls with a password to open, Workbook in the mini stream', () => oldXls({ password: true, workbookSize: 600 }), 'encryptedXls'],
  ['names in another case (compared as the format says, without case)', () => compoundFile([{ name: 'encryptioninfo', data: new Uint8Array(100) }, { name: 'ENCRYPTEDPACKAGE', data: new Uint8Array(5000) }]), 'encryptedPackage'],
  ['the two names in a storage, not at the root (an embedded object)', () => compoundFile([{ name: 'Workbook', data: new Uint8Array(5000) }, { name: 'MBD0001', children: [{ name: 'EncryptionInfo', data: new Uint8Array(100) }, { name: 'EncryptedPackage', data: new Uint8Array(100) }] }]), 'xls'],
  ['a Word .doc', () => compoundFile([{ name: 'WordDocument', data: new Uint8Array(5000) }, { name: '1Table', data: new Uint8Array(800) }]), 'unknown'],
  ['only the signature and zeros', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]), 'unknown'],
  ['cut after the header', () => encryptedXlsx().slice(0, 512), 'unknown'],
  ['a directory chain that loops on itself', () => {
    const b = encryptedXlsx({ scatterDirectory: true });
    return withFat(b, dirStart(b), dirStart(b));
  }, 'encryptedPackage'],
];

test.each(CASES)('%s', (_name, make, want) => {
  expect(compoundContent(make())).toBe(want);
});

describe('.xls files saved by LibreOffice', () => {
  const run = haveUno ? test : test.skip;
  let files: Uint8Array[] = [];
  beforeAll(async () => {
    if (haveUno) files = savedByLibreOffice(await template(), [{ filter: 'MS Excel 97' }, { filter: 'MS Excel 97', password: '1234' }]);
  }, 200_000);

  run('a plain .xls is an old .xls, and the message does not speak of a password', async () => {
    expect(compoundContent(files[0]!)).toBe('xls');
    const r = await readSubmission(files[0]!, defaultScheme);
    expect(r.issues.map((i) => i.code)).toEqual(['FILE_OLD_XLS']);
    expect(r.issues[0]?.message).not.toContain('密码');
  });

  run('an .xls with a password to open is a workbook with a password', async () => {
    expect(compoundContent(files[1]!)).toBe('encryptedXls');
    expect((await readSubmission(files[1]!, defaultScheme)).issues.map((i) => i.code)).toEqual(['FILE_ENCRYPTED']);
  });
});
