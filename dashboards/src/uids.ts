import { createHash } from "node:crypto";

// Grafana rejects dashboard and folder uids longer than 40 characters or outside [A-Za-z0-9_-].
const GRAFANA_UID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * A stable Grafana uid for `prefix` + `id`: readable when it fits, otherwise a hash of the id,
 * so a long or dotted tenant id still gets the same uid on every run (links keep working).
 */
export function grafanaUid(prefix: string, id: string): string {
  const readable = `${prefix}-${id}`;
  if (GRAFANA_UID.test(readable)) {
    return readable;
  }
  const room = 40 - prefix.length - 1;
  if (room < 12) {
    throw new Error(`uid prefix '${prefix}' leaves too little room for a hash`);
  }
  return `${prefix}-${createHash("sha256").update(id).digest("hex").slice(0, room)}`;
}
