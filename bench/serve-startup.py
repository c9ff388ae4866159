# Start-up of two wiredex binaries: medians and fastest of 40 runs of --version, search --help and a search.
# python3 bench/serve-startup.py AFTER_BINARY  (before: /tmp/wiredex-before; index: /tmp/wiredex-reuters21578)
import subprocess, time, statistics, sys, os
def med(cmd, n=40):
    ts=[]
    for _ in range(n):
        t=time.perf_counter(); subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); ts.append((time.perf_counter()-t)*1000)
    ts.sort()
    return statistics.median(ts), ts[0]
idx="/tmp/wiredex-reuters21578"
for name, b in [("before", "/tmp/wiredex-before"), ("after", sys.argv[1])]:
    size=os.path.getsize(b)
    v=med([b,"--version"]); h=med([b,"search","--help"]); s=med([b,"search","oil","--index",idx,"--limit","10"]); st=med([b,"stats","--index",idx],20)
    print(f"{name}: size {size} B; --version median {v[0]:.2f} ms (min {v[1]:.2f}); search --help {h[0]:.2f} ms; search oil {s[0]:.2f} ms (min {s[1]:.2f}); stats {st[0]:.2f} ms")
