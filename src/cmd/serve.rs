//! `wiredex serve`: the archive in a browser and a JSON API for programs (see
//! `wiredex::serve`). This file only reads the flags, opens the index and says where it listens.

use std::io::Write;
use std::net::SocketAddr;

use anyhow::Result;
use clap::Args;

use super::args::IndexLocation;
use wiredex::index::WireIndex;
use wiredex::serve;

/// Arguments of `wiredex serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    location: IndexLocation,
    /// Address and port to listen on. The default, 127.0.0.1, is loopback: only this machine can
    /// connect. Another address (0.0.0.0) lets other machines read the whole archive, with no
    /// authentication. Port 0 picks a free port.
    #[arg(long, value_name = "ADDR:PORT", default_value = serve::DEFAULT_BIND)]
    bind: SocketAddr,
}

/// Serves until interrupted; prints the address it listens on as the first line of stdout.
pub fn run(args: ServeArgs, out: &mut impl Write) -> Result<bool> {
    let index = WireIndex::open(&args.location.path())?;
    if !serve::is_loopback(&args.bind) {
        eprintln!(
            "wiredex: warning: serving on {}, which other machines can reach: there is no \
             authentication, so anyone who can connect can read the whole archive",
            args.bind
        );
    }
    let path = index.path.display().to_string();
    let mut printed = Ok(());
    serve::serve(index, args.bind, |bound| {
        printed = writeln!(out, "http://{bound}/")
            .and_then(|()| out.flush())
            .map(|()| eprintln!("wiredex: serving {path} on http://{bound}/ (Ctrl-C stops)"));
    })?;
    printed?;
    Ok(true)
}
