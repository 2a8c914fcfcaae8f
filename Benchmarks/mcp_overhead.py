"""Times campaign_get through `gotom mcp` over stdio, two ways, for Benchmarks/mcp.sh.

  python mcp_overhead.py GOTOM CAMPAIGN_ID CALLS

1. bare: JSON-RPC lines written to and read from the server's pipes by this script (nothing but the server and
   the pipe in the measurement);
2. sdk: the official MCP Python SDK's ClientSession.call_tool, as an agent framework would call it.
Prints per-call mean, median and p99 in microseconds. Connection settings come from GOTOM_* variables.
"""
import asyncio
import json
import statistics
import subprocess
import sys
import time

GOTOM, CAMPAIGN, CALLS = sys.argv[1], sys.argv[2], int(sys.argv[3])


def summary(label, samples):
    samples = sorted(samples)
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    print(f"{label}: {len(samples)} calls, mean {statistics.mean(samples):.0f} µs, "
          f"median {statistics.median(samples):.0f} µs, p99 {p99:.0f} µs", flush=True)


def bare():
    server = subprocess.Popen([GOTOM, "mcp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, bufsize=0)
    def send(message):
        server.stdin.write((json.dumps(message) + "\n").encode())
    def receive():
        return json.loads(server.stdout.readline())
    send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}})
    receive()
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    samples = []
    for number in range(1, CALLS + 101):
        start = time.perf_counter_ns()
        send({"jsonrpc": "2.0", "id": number, "method": "tools/call",
              "params": {"name": "campaign_get", "arguments": {"campaignExternalId": CAMPAIGN}}})
        reply = receive()
        elapsed = (time.perf_counter_ns() - start) / 1000
        assert not reply["result"].get("isError"), reply
        if number > 100:  # the first 100 warm the connection pool and caches
            samples.append(elapsed)
    server.stdin.close()
    server.wait()
    summary("mcp bare JSON-RPC", samples)


async def sdk():
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client
    import os
    params = StdioServerParameters(command=GOTOM, args=["mcp"], env=dict(os.environ))
    with open(os.devnull, "w") as devnull:
        async with stdio_client(params, errlog=devnull) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                samples = []
                for number in range(CALLS + 100):
                    start = time.perf_counter_ns()
                    await session.call_tool("campaign_get", {"campaignExternalId": CAMPAIGN})
                    if number >= 100:
                        samples.append((time.perf_counter_ns() - start) / 1000)
    summary("mcp python SDK", samples)


bare()
asyncio.run(sdk())
