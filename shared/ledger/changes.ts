// Collects a batch of ledger work (an upload, a grading, a roster change) into one change set:
// the items as they end up, the ones to write, and the events to append, in order.
import type { Issue } from '../issues/types';
import { createLedgerItem, type NewItem } from './create';
import type { LedgerWhere } from './fields';
import { applyLedgerAction, type LedgerAction } from './machine';
import type { Actor, LedgerChangeSet, LedgerContext, LedgerEvent, LedgerItem } from './types';

export class LedgerBatch {
  private readonly byId = new Map<string, LedgerItem>();
  private readonly order: string[] = [];
  private readonly changedIds = new Set<string>();
  /** Item ids per organization: a county's ledger is read per organization, many times per upload. */
  private readonly byOrg = new Map<string, string[]>();
  readonly events: LedgerEvent[] = [];
  readonly issues: Issue[] = [];

  constructor(items: readonly LedgerItem[]) {
    for (const i of items) {
      this.byId.set(i.id, i);
      this.order.push(i.id);
      this.index(i.orgId, i.id);
    }
  }

  private index(orgId: string, id: string): void {
    const ids = this.byOrg.get(orgId);
    if (ids) ids.push(id);
    else this.byOrg.set(orgId, [id]);
  }

  get(id: string): LedgerItem | undefined {
    return this.byId.get(id);
  }

  /** The organization's items, in the order they were stored or created. */
  ofOrg(orgId: string): LedgerItem[] {
    return (this.byOrg.get(orgId) ?? []).map((id) => this.byId.get(id)).filter((i): i is LedgerItem => i !== undefined && i.orgId === orgId);
  }

  all(): LedgerItem[] {
    return this.order.map((id) => this.byId.get(id)).filter((i): i is LedgerItem => i !== undefined);
  }

  /** Applies an action; a refusal's issues join the batch's issues and the item stays as it was. */
  act(item: LedgerItem, action: LedgerAction, actor: Actor, ctx: LedgerContext, where?: LedgerWhere): boolean {
    const r = applyLedgerAction(this.byId.get(item.id) ?? item, action, actor, ctx, where);
    this.issues.push(...r.issues);
    if (!r.ok) return false;
    if (r.event) {
      const before = this.byId.get(r.item.id);
      if (before && before.orgId !== r.item.orgId) this.index(r.item.orgId, r.item.id);
      this.byId.set(r.item.id, r.item);
      this.changedIds.add(r.item.id);
      this.events.push(r.event);
    }
    return true;
  }

  create(init: NewItem, actor: Actor, ctx: LedgerContext, where?: LedgerWhere): LedgerItem {
    const r = createLedgerItem(init, this.ofOrg(init.orgId), actor, ctx, where, (id) => this.byId.has(id));
    this.byId.set(r.item.id, r.item);
    this.order.push(r.item.id);
    this.index(r.item.orgId, r.item.id);
    this.changedIds.add(r.item.id);
    this.events.push(r.event);
    this.issues.push(...r.issues);
    return r.item;
  }

  result(): LedgerChangeSet {
    const items = this.all();
    return { items, changed: items.filter((i) => this.changedIds.has(i.id)), events: [...this.events], issues: [...this.issues] };
  }
}
