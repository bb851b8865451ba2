//! The list lifecycle: everything that keeps the sanctions lists current while the data path
//! (`source → parser → model → index → matcher → service`) answers requests from them.
//!
//! - [`store`]: holds the live snapshot and builds snapshots from the configured sources;
//! - [`reload`]: reloads without a restart (file watch, `SIGHUP`, the admin RPC), each changed
//!   publication through the validation gate, and swaps the new snapshot in whole;
//! - [`gate`]: whether a new publication may replace the one serving (losses, dates);
//! - [`last_good`]: the last accepted copy of each source, kept across restarts;
//! - [`fetch`]: polls URL sources into the local cache the reloader reads;
//! - [`changes`]: the list-change feed (what each new version added, removed and changed).
//!
//! `source` stays at the top level, outside this folder: it is the first stage of the data path
//! (a configured location read into the raw bytes of one publication, as `screener compare`,
//! the parsers' tests and the fuzz targets use it too), not a step of keeping lists current. The
//! lifecycle depends on it, never the other way round.

pub mod changes;
pub mod fetch;
pub mod gate;
pub mod last_good;
pub mod reload;
pub mod store;
