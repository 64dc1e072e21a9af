/**
 * Runs a check round at a time. A round yields to the event loop as it goes, so requests for
 * another round arrive while one runs: they are all served by a single round started after it,
 * which sees every change made meanwhile. Each request resolves once a round that started after
 * it has finished.
 */
export class SerialRounds {
  private running = false;
  private queued: (() => void)[] = [];

  constructor(
    private readonly round: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(): Promise<void> {
    return new Promise((resolve) => {
      this.queued.push(resolve);
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.queued.length > 0) {
      const served = this.queued;
      this.queued = [];
      try {
        await this.round();
      } catch (error) {
        this.onError(error);
      }
      for (const resolve of served) resolve();
    }
    this.running = false;
  }
}
