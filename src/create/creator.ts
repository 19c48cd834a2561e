// Sends creation requests: asks once per session before spending credits, sends one
// request per call (never retried), tracks the new task at once with what was asked, and
// reveals its row. Used by the form and by prompt files.
import type { CreateOutcome } from '../api/createAnswer';
import type { VeoClient } from '../api/veoClient';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { KeyState } from '../auth/keyState';
import type { Configuration } from '../config/configuration';
import { loadNetwork } from '../lazyNetwork';
import type { Logger } from '../log/logger';
import { requestBody, type VideoRequest } from '../request/videoRequest';
import type { TaskStore } from '../store/taskStore';
import type { TasksView } from '../treeViews/tasksView';
import { confirmModal } from '../ui/notify';
import { Disposable, toDisposable } from '../util/disposable';
import { t } from '../util/l10n';

export type CreateResult =
  | CreateOutcome
  | { kind: 'cancelled' }
  | { kind: 'noKey' }
  | { kind: 'badBaseUrl'; message: string };

export class Creator extends Disposable {
  private client: VeoClient | undefined;
  /** The user agreed to spend credits once in this session. */
  private confirmed = false;

  constructor(
    private readonly store: TaskStore,
    private readonly keys: ApiKeyStore,
    private readonly keyState: KeyState,
    private readonly configuration: Configuration,
    private readonly view: TasksView,
    private readonly log: Logger,
  ) {
    super();
    this._register(toDisposable(() => this.closeClient()));
    this._register(configuration.onDidChange(({ changed }) => changed.has('baseUrl') && this.closeClient()));
  }

  /**
   * Creates one task for `request`; on success it is tracked (with the request) and its row
   * revealed. `confirmedByUser`: the caller already had the user agree to spend credits for
   * this very request (a chat tool's confirmation), so it is not asked again.
   */
  async create(request: VideoRequest, options: { confirmedByUser?: boolean } = {}): Promise<CreateResult> {
    const key = this.keys.key;
    if (!key) return { kind: 'noKey' };
    const base = this.configuration.current.baseUrl;
    if (!base.ok) return { kind: 'badBaseUrl', message: base.message };
    if (!options.confirmedByUser && !(await this.confirmSpending(request))) return { kind: 'cancelled' };
    this.client ??= new (loadNetwork().VeoClient)({ baseUrl: base.url });
    const outcome = await this.client.createTask(requestBody(request), key);
    if (outcome.kind !== 'created') {
      this.log.warn(`Creating a video failed: ${describe(outcome)}`);
      if (outcome.kind === 'unauthorized') void this.keyState.reject(outcome.status);
      return outcome;
    }
    const added = this.store.add([outcome.id], Date.now());
    this.store.update(outcome.id, { request });
    this.log.info(`Created ${outcome.id} (${request.model}, ${request.resolution}, ${request.aspectRatio}, ${request.mode})${added.length ? '' : '; it was already tracked'}`);
    void this.view.reveal(outcome.id).then(undefined, () => undefined);
    return outcome;
  }

  private async confirmSpending(request: VideoRequest): Promise<boolean> {
    if (this.confirmed || !this.configuration.current.confirmBeforeGenerate) return true;
    const ok = await confirmModal(
      t('Generate a video with the VEO API?'),
      t('This spends credits of your VEO account ({0}, {1}). You will not be asked again in this session; the setting "veo.confirmBeforeGenerate" turns this question off.', request.model, request.resolution),
      t('Generate'),
    );
    this.confirmed = ok;
    return ok;
  }

  private closeClient(): void {
    void this.client?.close();
    this.client = undefined;
  }
}

/** The outcome in one line for the log. */
export function describe(outcome: CreateResult): string {
  switch (outcome.kind) {
    case 'created':
      return `created ${outcome.id}`;
    case 'unauthorized':
      return `the API refused the key (HTTP ${outcome.status})`;
    case 'rateLimited':
      return `rate limited (429)${outcome.message ? `: ${outcome.message}` : ''}`;
    case 'refused':
      return `refused (HTTP ${outcome.status})${outcome.message ? `: ${outcome.message}` : ''}`;
    case 'error':
      return outcome.message;
    case 'cancelled':
      return 'cancelled';
    case 'noKey':
      return 'no API key';
    case 'badBaseUrl':
      return outcome.message;
  }
}
