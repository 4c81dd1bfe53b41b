// What 重新开放 asks before it unlocks an accepted version: it was one click, and a county clerk
// who misclicked in the table learned of it only when the township could upload again. Pure.

/** The confirmation for reopening `name`'s accepted version `version`. */
export function reopenQuestion(name: string, version: number): { title: string; text: string; ok: string } {
  return {
    title: '重新开放',
    text: `重新开放${name}第 ${version} 版？该版本将解除锁定、回到“待审核”，${name}可以修改后重新上报；汇总仍计入该版本，直到新的版本上报。`,
    ok: '确认重新开放',
  };
}
