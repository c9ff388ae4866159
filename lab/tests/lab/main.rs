//! The lab's tests: the generator, the benchmark beside the peers, and the gold scores, run
//! through the real `wiredex-lab` binary or the library.

mod bench;
mod duplicates;
mod gold;
mod harness;
mod wire;
