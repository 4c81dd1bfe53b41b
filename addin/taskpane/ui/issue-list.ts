// Renders issues grouped by sheet and severity. In Excel each issue is a button that selects its
// cell; in a browser there is no cell to go to, so items are plain text.
import type { Issue } from '../../../shared/issues/types';
import type { ShownIssue } from '../state';
import { META_SHEET } from '../../../shared/template/definition';
import { isA1 } from '../excel/address';
import { h } from './dom';
import { groupIssues, issueSummary, shortMessage } from './issue-groups';

export interface IssueListOptions {
  /** Set inside Excel: called when the clerk activates an issue. */
  onPick?: (issue: Issue) => void;
  title?: string;
  /** The summary line's id (the work card's list is #issue-summary; another list needs its own). */
  summaryId?: string;
  /** The summary line, when the default (which speaks of uploading) does not fit. */
  summaryText?: string;
}

export function renderIssues(target: HTMLElement, issues: readonly ShownIssue[], opts: IssueListOptions = {}): void {
  const errors = issues.some((i) => i.severity === 'error');
  const tone = errors ? 'error' : issues.length ? 'warning' : 'ok';
  const children: HTMLElement[] = [];
  if (opts.title) children.push(h('h3', {}, opts.title));
  children.push(h('p', { className: `summary ${tone}`, id: opts.summaryId ?? 'issue-summary' }, opts.summaryText ?? issueSummary(issues)));
  for (const g of groupIssues(issues)) {
    const section = h('div', { className: 'group', 'data-sheet': g.sheet ?? '' }, h('h3', {}, g.title));
    for (const level of g.levels) {
      section.append(h('h4', {}, `${level.label}（${level.issues.length}）`));
      const ul = h('ul', { className: 'issues' });
      for (const issue of level.issues) {
        const cell = issue.cell ?? '';
        const text = shortMessage(issue);
        const org = issue.org;
        // The organization first, unless the message already names it.
        const orgLabel = org && !text.includes(`“${org}”`) ? h('span', { className: 'org' }, org) : null;
        const body = [h('span', { className: 'cell' }, cell || '—'), h('span', { className: 'msg' }, orgLabel, text)];
        // The metadata sheet is hidden: there is nothing to show the clerk there.
        const canGo = opts.onPick && issue.sheet && issue.sheet !== META_SHEET && (isA1(issue.cell) || !issue.cell);
        const item = canGo
          ? h('button', {
              type: 'button',
              className: `issue ${issue.severity}`,
              'data-cell': cell,
              'data-org': org,
              title: cell ? `转到 ${issue.sheet} 的 ${cell} 单元格` : `转到工作表 ${issue.sheet}`,
              onclick: () => opts.onPick?.(issue),
            }, ...body)
          : h('div', { className: `issue ${issue.severity}`, 'data-cell': cell, 'data-org': org }, ...body);
        ul.append(h('li', {}, item));
      }
      section.append(ul);
    }
    children.push(section);
  }
  target.replaceChildren(...children);
}
