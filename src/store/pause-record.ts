/** Who paused a policy's execution, when (ISO 8601 UTC) and why. */
export interface PauseRecord {
  readonly actorId: string;
  readonly at: string;
  readonly reason: string;
}
