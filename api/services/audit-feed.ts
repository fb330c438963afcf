import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditHead } from '../../db/audit/head';
import { auditLog, campaignSubjects, clues, escalations, isCampaignSubject, peopleSubjects, problems, type CampaignSubject } from '../../db/schema';
import type { AccountChanges } from './account-changes';

/** One change as the event stream sends it; `seq` is its audit sequence number and the SSE id. */
export interface Change {
  readonly seq: number;
  readonly at: string;
  readonly campaignId: number;
  readonly subject: CampaignSubject;
  readonly subjectId: number;
  readonly event: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly version: number;
  /** The unit of the item now (null for campaign-wide changes): what scoping filters on. */
  readonly unitId: string | null;
  /**
   * A transfer's unit before it (its readers there see the item leave their board), or the unit a re-routed escalation
   * left (its readers there see it leave their inbox). Null for any other change.
   */
  readonly formerUnitId: string | null;
}

type Listener = () => void;

const isTransfer = (event: string) => event === 'clue.transfer' || event === 'problem.transfer';

/**
 * Follows the audit log for the event streams of this process. It reads the
 * table rather than listening in-process, so a move committed by another API
 * process on the same database arrives too, within one poll interval. It
 * polls only while someone listens, keeps the most recent entries in memory
 * so that each stream can take what it has not sent yet without a query of
 * its own, and reads older entries (a client reconnecting after a while)
 * from the database. Given `accounts`, it tells them of each new entry of
 * people administration too (an account moved or disabled, a unit moved):
 * made through another process, it reaches this one's streams within a poll
 * rather than at their heartbeat.
 */
export class AuditFeed {
  readonly #db: Db;
  readonly #intervalMs: number;
  readonly #capacity: number;
  readonly #listeners = new Set<Listener>();
  /** Every entry after #complete up to #last, oldest first. */
  #recent: Change[] = [];
  #complete = 0;
  #last = 0;
  #timer: NodeJS.Timeout | null = null;
  #polling = false;
  readonly #accounts: AccountChanges | undefined;
  /** The newest entry of people administration the feed has seen (while someone listens). */
  #people = 0;

  constructor(db: Db, options: { intervalMs?: number; capacity?: number; accounts?: AccountChanges } = {}) {
    this.#db = db;
    this.#accounts = options.accounts;
    this.#intervalMs = options.intervalMs ?? 250;
    this.#capacity = options.capacity ?? 5000;
  }

  /** The newest sequence number (where a fresh client starts). */
  head(): Promise<number> {
    return auditHead(this.#db);
  }

  /** The newest sequence number the feed has read (while someone listens). */
  newest(): number {
    return this.#last;
  }

  /** Entries after `seq`, oldest first, at most `limit` (a reconnecting client's catch-up). */
  async since(seq: number, limit: number): Promise<Change[]> {
    const rows = await this.#db
      .select({
        seq: auditLog.seq,
        at: auditLog.at,
        campaignId: auditLog.campaignId,
        subject: auditLog.subject,
        subjectId: auditLog.subjectId,
        event: auditLog.event,
        fromState: auditLog.fromState,
        toState: auditLog.toState,
        version: auditLog.version,
      })
      .from(auditLog)
      // People administration has no campaign and nothing to show on a board.
      .where(and(gt(auditLog.seq, seq), isNotNull(auditLog.campaignId), inArray(auditLog.subject, [...campaignSubjects])))
      .orderBy(asc(auditLog.seq))
      .limit(limit);
    return this.#withUnits(
      rows.flatMap(({ campaignId, subject, ...row }) => (campaignId === null || !isCampaignSubject(subject) ? [] : [{ ...row, campaignId, subject }])),
    );
  }

  async #withUnits(rows: readonly Omit<Change, 'unitId' | 'formerUnitId'>[]): Promise<Change[]> {
    const ids = (subject: string) => [...new Set(rows.filter((r) => r.subject === subject).map((r) => r.subjectId))];
    const [clueUnits, problemUnits, escalationUnits] = await Promise.all([
      ids('clue').length === 0 ? [] : this.#db.select({ id: clues.id, unitId: clues.unitId }).from(clues).where(inArray(clues.id, ids('clue'))),
      ids('problem').length === 0 ? [] : this.#db.select({ id: problems.id, unitId: problems.unitId }).from(problems).where(inArray(problems.id, ids('problem'))),
      ids('escalation').length === 0
        ? []
        : this.#db.select({ id: escalations.id, unitId: escalations.unitId }).from(escalations).where(inArray(escalations.id, ids('escalation'))),
    ]);
    const unitOf = {
      clue: new Map(clueUnits.map((r) => [r.id, r.unitId])),
      problem: new Map(problemUnits.map((r) => [r.id, r.unitId])),
      escalation: new Map(escalationUnits.map((r) => [r.id, r.unitId])),
    };
    // Campaign changes (and a phase's escalation, which has no unit) are for everyone; so is a sweep's entry of
    // the escalations it raised, which lists them all under the first one's id and may span units.
    const unitOfRow = ({ subject, subjectId, event }: Omit<Change, 'unitId' | 'formerUnitId'>) =>
      subject === 'campaign' || (subject === 'escalation' && event === 'escalation.raise') ? null : (unitOf[subject].get(subjectId) ?? null);
    const formerUnits = new Map<number, string | null>();
    for (const row of rows) if (isTransfer(row.event)) formerUnits.set(row.seq, await this.#unitBefore(row));
    const reroutes = await this.#reroutesOf(rows);
    return rows.map((row) => {
      const rerouted = reroutes.get(row.seq);
      // A passed-on escalation is told to whom it left as well as to whom it went: the inbox of the unit it left counted
      // it until a reload. Its units as its entry names them, not where it stands now (passed on again since).
      if (rerouted !== undefined) return { ...row, unitId: rerouted.to, formerUnitId: rerouted.from === rerouted.to ? null : rerouted.from };
      return { ...row, unitId: unitOfRow(row), formerUnitId: formerUnits.get(row.seq) ?? null };
    });
  }

  /** The units each escalation.reroute entry among `rows` passed its escalation from and to, by seq (one read, of those entries alone). */
  async #reroutesOf(rows: readonly Omit<Change, 'unitId' | 'formerUnitId'>[]): Promise<Map<number, { from: string | null; to: string | null }>> {
    const seqs = rows.filter((row) => row.subject === 'escalation' && row.event === 'escalation.reroute').map((row) => row.seq);
    if (seqs.length === 0) return new Map();
    const entries = await this.#db.select({ seq: auditLog.seq, payload: auditLog.payload }).from(auditLog).where(inArray(auditLog.seq, seqs));
    return new Map(
      entries.map(({ seq, payload }) => {
        const { from, to } = JSON.parse(payload) as { from?: { unitId?: string | null }; to?: { unitId?: string | null } };
        return [seq, { from: from?.unitId ?? null, to: to?.unitId ?? null }];
      }),
    );
  }

  /** The unit an item was in before the entry `row`: the unit of its entry before (transfers are few; one indexed read each). */
  async #unitBefore(row: Omit<Change, 'unitId' | 'formerUnitId'>): Promise<string | null> {
    const [before] = await this.#db
      .select({ unitId: auditLog.unitId })
      .from(auditLog)
      .where(and(eq(auditLog.subject, row.subject), eq(auditLog.subjectId, row.subjectId), lt(auditLog.seq, row.seq)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return before?.unitId ?? null;
  }

  /** Calls the listener after each poll that found new entries, until the returned function is called. */
  async subscribe(listener: Listener): Promise<() => void> {
    if (this.#listeners.size === 0 && this.#timer === null) {
      this.#last = await this.head();
      this.#people = await this.#peopleHead();
      this.#complete = this.#last;
      this.#recent = [];
      this.#timer = setInterval(() => void this.#poll(), this.#intervalMs);
    }
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0 && this.#timer !== null) {
        clearInterval(this.#timer);
        this.#timer = null;
      }
    };
  }

  /**
   * Entries after `seq`, oldest first, at most `limit`: from memory when the
   * feed holds everything after `seq`, otherwise from the database.
   */
  async after(seq: number, limit: number): Promise<Change[]> {
    if (this.#timer !== null && seq >= this.#complete) {
      const from = this.#recent.findIndex((change) => change.seq > seq);
      return from === -1 ? [] : this.#recent.slice(from, from + limit);
    }
    return this.since(seq, limit);
  }

  async #poll(): Promise<void> {
    if (this.#polling) return;
    this.#polling = true;
    try {
      let found = false;
      for (;;) {
        const changes = await this.since(this.#last, 500);
        if (changes.length === 0) break;
        found = true;
        this.#recent.push(...changes);
        this.#last = changes.at(-1)?.seq ?? this.#last;
        if (this.#recent.length > this.#capacity) {
          const dropped = this.#recent.splice(0, this.#recent.length - this.#capacity);
          this.#complete = dropped.at(-1)?.seq ?? this.#complete;
        }
        if (changes.length < 500) break;
      }
      if (found) for (const listener of this.#listeners) listener();
      if (this.#accounts !== undefined) {
        const people = await this.#peopleHead();
        if (people > this.#people) {
          this.#people = people;
          this.#accounts.changed();
        }
      }
    } catch (error) {
      console.error(JSON.stringify({ feed: 'audit', error: error instanceof Error ? error.message : String(error) }));
    } finally {
      this.#polling = false;
    }
  }

  /** The newest entry of people administration (0 for none): one step down the (campaign_id, seq) index's campaign-less end. */
  async #peopleHead(): Promise<number> {
    if (this.#accounts === undefined) return 0;
    const [newest] = await this.#db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(and(isNull(auditLog.campaignId), inArray(auditLog.subject, [...peopleSubjects])))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return newest?.seq ?? 0;
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#listeners.clear();
  }
}
