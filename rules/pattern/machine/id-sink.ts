/** Receives the ids an index finds for one event value. */
export interface IdSink {
  hit(id: number): void;
}
