// Which connection strings the lean client serves, and the endpoints it derives from them; every
// other string stays with the SDK store (null here), which reads it as it always has.
import { parseConnectionString } from '../../../functions/src/storage/lean/connection-string';

const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const OTHER_KEY = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');

describe('served by the lean client', () => {
  it.each<[string, string, { name: string; blob: string; table: string }]>([
    ['Azure, as the portal writes it', `DefaultEndpointsProtocol=https;AccountName=qingshan;AccountKey=${OTHER_KEY};EndpointSuffix=core.windows.net`, { name: 'qingshan', blob: 'https://qingshan.blob.core.windows.net', table: 'https://qingshan.table.core.windows.net' }],
    ['Azure China (another suffix)', `DefaultEndpointsProtocol=https;AccountName=qingshan;AccountKey=${OTHER_KEY};EndpointSuffix=core.chinacloudapi.cn`, { name: 'qingshan', blob: 'https://qingshan.blob.core.chinacloudapi.cn', table: 'https://qingshan.table.core.chinacloudapi.cn' }],
    ['pairs in another order, spaces, a trailing ;', ` AccountKey=${OTHER_KEY} ; EndpointSuffix=core.windows.net;AccountName=qingshan;DefaultEndpointsProtocol=https;`, { name: 'qingshan', blob: 'https://qingshan.blob.core.windows.net', table: 'https://qingshan.table.core.windows.net' }],
    ['names in any case', `defaultendpointsprotocol=https;accountname=qingshan;accountkey=${OTHER_KEY};endpointsuffix=core.windows.net`, { name: 'qingshan', blob: 'https://qingshan.blob.core.windows.net', table: 'https://qingshan.table.core.windows.net' }],
    ['explicit endpoints win over the suffix; a trailing slash is dropped', `DefaultEndpointsProtocol=https;AccountName=qingshan;AccountKey=${OTHER_KEY};EndpointSuffix=core.windows.net;BlobEndpoint=https://files.example.cn/;TableEndpoint=https://qingshan.table.core.windows.net/`, { name: 'qingshan', blob: 'https://files.example.cn', table: 'https://qingshan.table.core.windows.net' }],
    ['one explicit endpoint, the other from the suffix', `DefaultEndpointsProtocol=https;AccountName=qingshan;AccountKey=${OTHER_KEY};EndpointSuffix=core.windows.net;TableEndpoint=https://t.example.cn`, { name: 'qingshan', blob: 'https://qingshan.blob.core.windows.net', table: 'https://t.example.cn' }],
    ['Azurite as the tests start it (path style, random ports)', `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:41234/devstoreaccount1;TableEndpoint=http://127.0.0.1:41235/devstoreaccount1;`, { name: 'devstoreaccount1', blob: 'http://127.0.0.1:41234/devstoreaccount1', table: 'http://127.0.0.1:41235/devstoreaccount1' }],
    ['Azurite on localhost', `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${KEY};BlobEndpoint=http://localhost:10000/devstoreaccount1/;TableEndpoint=http://localhost:10002/devstoreaccount1/`, { name: 'devstoreaccount1', blob: 'http://localhost:10000/devstoreaccount1', table: 'http://localhost:10002/devstoreaccount1' }],
    ['UseDevelopmentStorage=true', 'UseDevelopmentStorage=true', { name: 'devstoreaccount1', blob: 'http://127.0.0.1:10000/devstoreaccount1', table: 'http://127.0.0.1:10002/devstoreaccount1' }],
    ['UseDevelopmentStorage=true;', 'UseDevelopmentStorage=true;', { name: 'devstoreaccount1', blob: 'http://127.0.0.1:10000/devstoreaccount1', table: 'http://127.0.0.1:10002/devstoreaccount1' }],
  ])('%s', (_name, cs, want) => {
    const a = parseConnectionString(cs);
    expect(a && { name: a.name, blob: a.blobEndpoint, table: a.tableEndpoint }).toEqual(want);
  });

  it('decodes the key from base64', () => {
    expect(parseConnectionString(`DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${OTHER_KEY};EndpointSuffix=core.windows.net`)?.key.toString()).toBe('0123456789abcdef0123456789abcdef');
    expect(parseConnectionString('UseDevelopmentStorage=true')?.key.equals(Buffer.from(KEY, 'base64'))).toBe(true);
  });
});

describe('left to the SDK store', () => {
  it.each<[string, string]>([
    ['a SAS only', 'BlobEndpoint=https://qingshan.blob.core.windows.net;TableEndpoint=https://qingshan.table.core.windows.net;SharedAccessSignature=sv=2022-11-02&ss=bt&sig=abc'],
    ['no key', 'DefaultEndpointsProtocol=https;AccountName=qingshan;EndpointSuffix=core.windows.net'],
    ['an empty key', 'DefaultEndpointsProtocol=https;AccountName=qingshan;AccountKey=;EndpointSuffix=core.windows.net'],
    ['a key that is not base64', 'DefaultEndpointsProtocol=https;AccountName=qingshan;AccountKey=not base64!;EndpointSuffix=core.windows.net'],
    ['no account name', `DefaultEndpointsProtocol=https;AccountKey=${OTHER_KEY};EndpointSuffix=core.windows.net`],
    ['no DefaultEndpointsProtocol (the SDKs do not read it as an account-key string)', `AccountName=a;AccountKey=${OTHER_KEY};BlobEndpoint=https://b.example.cn;TableEndpoint=https://t.example.cn`],
    ['no suffix and no endpoints', `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${OTHER_KEY}`],
    ['a protocol other than http or https', `DefaultEndpointsProtocol=ftp;AccountName=a;AccountKey=${OTHER_KEY};EndpointSuffix=core.windows.net`],
    ['plain http to a remote host', `DefaultEndpointsProtocol=http;AccountName=a;AccountKey=${OTHER_KEY};EndpointSuffix=core.windows.net`],
    ['http Azurite under a container name', `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${KEY};BlobEndpoint=http://azurite:10000/devstoreaccount1;TableEndpoint=http://azurite:10002/devstoreaccount1`],
    ['an endpoint carrying a SAS in its query', `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${OTHER_KEY};BlobEndpoint=https://b.example.cn/?sv=1&sig=x;TableEndpoint=https://t.example.cn`],
    ['an endpoint that is not a URL', `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${OTHER_KEY};BlobEndpoint=b.example.cn;TableEndpoint=https://t.example.cn`],
    ['Azurite behind a proxy', 'UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://ipv4.fiddler'],
    ['UseDevelopmentStorage=false', 'UseDevelopmentStorage=false'],
    ['nothing', ''],
  ])('%s', (_name, cs) => {
    expect(parseConnectionString(cs)).toBeNull();
  });
});
