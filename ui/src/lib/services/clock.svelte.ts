// "Now", refreshed every half minute so that "2 minutes ago" labels move on by themselves.

export class Clock {
  now = $state(new Date());
  private handle: ReturnType<typeof setInterval> | null = null;

  start(intervalMs = 30_000): void {
    if (this.handle === null) this.handle = setInterval(() => (this.now = new Date()), intervalMs);
  }

  tick(): void {
    this.now = new Date();
  }
}
