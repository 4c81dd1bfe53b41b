/**
 * Which of `names` the workbook has. Probing with getItemOrNullObject (ExcelApi 1.4) keeps a
 * missing sheet from failing the whole batch that follows.
 */
export async function existingSheets(context: Excel.RequestContext, names: readonly string[]): Promise<Set<string>> {
  const probes = [...new Set(names)].map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('isNullObject');
    return { name, sheet };
  });
  await context.sync();
  return new Set(probes.filter((p) => !p.sheet.isNullObject).map((p) => p.name));
}
