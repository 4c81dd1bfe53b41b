// The county's year-after figures for the open campaign: 晋位升级 against last year (a grading
// with a predecessor) and a 回头看's before and after. A campaign with neither shows nothing.
import type { Session } from '../ports';
import { patchSlice, type AppState, type Store, type Verdict } from '../state';
import { errorText, isAuthLost, ok, runAction, error, type OnAuthLost } from './feedback';

export class YearAfterController {
  constructor(
    private readonly store: Store<AppState>,
    private readonly session: Session,
    private readonly onAuthLost?: OnAuthLost,
  ) {}

  private show = (v: Verdict | null): void => patchSlice(this.store, 'yearAfter', { verdict: v });

  /** Throws. */
  async load(): Promise<void> {
    const api = this.session.api;
    const { me, campaign } = this.store.get().connection;
    if (!api || me?.role !== 'county' || !campaign) return;
    const lookback = campaign.kind === 'lookback' ? await api.lookback(campaign.id) : null;
    const targets = campaign.kind !== 'lookback' && campaign.previousId ? await api.targets(campaign.id) : null;
    patchSlice(this.store, 'yearAfter', { targets, lookback });
  }

  /** Loads without failing the campaign that opened. */
  async enter(): Promise<void> {
    patchSlice(this.store, 'yearAfter', { targets: null, lookback: null, verdict: null });
    await this.load().catch((e: unknown) => {
      if (isAuthLost(e) && this.onAuthLost) return this.onAuthLost(e.message);
      this.show(error(`未能读取：${errorText(e)}`));
    });
  }

  refresh(): Promise<void> {
    return runAction(this.store, 'yearAfter', this.show, async () => {
      await this.load();
      this.show(ok('已刷新。'));
    }, this.onAuthLost);
  }
}
