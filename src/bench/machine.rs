//! Facts about the machine a benchmark ran on (cores, CPU model, memory, kernel, host name) and
//! the process's peak resident memory, read from `/proc` on Linux (absent elsewhere).

use serde::Serialize;

/// The machine a benchmark ran on.
#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    /// Host name.
    pub hostname: String,
    /// Cores this process may use.
    pub cores: usize,
    /// CPU model as `/proc/cpuinfo` names it.
    pub cpu: String,
    /// Total memory in MB.
    pub memory_mb: u64,
    /// Kernel release.
    pub kernel: String,
    /// The wiredex version that ran the benchmark.
    pub wiredex: String,
}

fn proc_file(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The value of `key:` in a `/proc` key-value file, first word only.
fn proc_value(text: &str, key: &str) -> Option<String> {
    text.lines()
        .find_map(|line| line.strip_prefix(key)?.trim_start().strip_prefix(':'))
        .map(|v| v.trim().to_string())
}

impl Machine {
    /// The facts of this machine.
    pub fn current() -> Machine {
        let kb = |v: Option<String>| {
            v.and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
                .unwrap_or(0)
        };
        Machine {
            hostname: proc_file("/proc/sys/kernel/hostname").trim().to_string(),
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu: proc_value(&proc_file("/proc/cpuinfo"), "model name")
                .unwrap_or_else(|| "unknown".into()),
            memory_mb: kb(proc_value(&proc_file("/proc/meminfo"), "MemTotal")) / 1024,
            kernel: proc_file("/proc/sys/kernel/osrelease").trim().to_string(),
            wiredex: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// Resets the process's peak-RSS mark (Linux `clear_refs` 5); false when that is not possible,
/// and the next `peak_rss_mb` then also covers what ran before.
pub fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// CPU time (user and system, every thread) the process has used so far, in seconds, from
/// `/proc/self/stat` (whose clock ticks are always hundredths of a second). On a machine that
/// other work shares, an engine's CPU seconds say what its wall time cannot.
pub fn cpu_seconds() -> Option<f64> {
    cpu_of_stat(&proc_file("/proc/self/stat"))
}

/// User plus system time, in seconds, of a `/proc/PID/stat` line.
fn cpu_of_stat(stat: &str) -> Option<f64> {
    // Fields 14 and 15 (utime, stime); the name in parentheses (field 2) may hold spaces.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some((user + system) as f64 / 100.0)
}

/// The process's peak resident memory in MB since start or the last reset (`VmHWM`).
pub fn peak_rss_mb() -> Option<f64> {
    let status = proc_file("/proc/self/status");
    let kb: f64 = proc_value(&status, "VmHWM")?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_values_are_read_by_key() {
        let text = "model name\t: Some CPU @ 2.0GHz\nVmHWM:\t  1234 kB\n";
        assert_eq!(
            proc_value(text, "model name").as_deref(),
            Some("Some CPU @ 2.0GHz")
        );
        assert_eq!(proc_value(text, "VmHWM").as_deref(), Some("1234 kB"));
        assert_eq!(proc_value(text, "MemTotal"), None);
    }

    #[test]
    fn cpu_time_is_user_plus_system_after_the_name() {
        let stat = "4242 (a (b) c) R 1 2 3 4 5 6 7 8 9 10 250 130 0 0 20 0 3";
        assert_eq!(cpu_of_stat(stat), Some(3.8));
        assert_eq!(cpu_of_stat("4242 (x) R 1"), None);
        assert!(cpu_seconds().is_some());
    }
}
