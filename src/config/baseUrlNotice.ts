// Says so at once when `veo.baseUrl` is unusable (at start and whenever it changes).
import { showError } from '../ui/notify';
import { Disposable } from '../util/disposable';
import type { Configuration } from './configuration';

export class BaseUrlNotice extends Disposable {
  constructor(configuration: Configuration) {
    super();
    const check = () => {
      const base = configuration.current.baseUrl;
      if (!base.ok) void showError(base.message);
    };
    this._register(configuration.onDidChange(({ changed }) => changed.has('baseUrl') && check()));
    check();
  }
}
