"""Drives `gotom mcp` with the official MCP Python SDK over stdio, against a `gotom sandbox` process.

Run: python Tests/MCP/test_mcp.py [path/to/gotom]   (exits non-zero when a check fails)
"""
import asyncio
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOTOM = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "gotom"))

READ_TOOLS = {
    "campaign_get", "flight_get", "flight_line_item_get", "flight_sublines_get", "flight_commission_get",
    "campaign_discount_list", "flight_discount_get", "customer_get", "customer_list", "customer_sync_job_get",
    "primary_keys_list", "tarif_prices_list", "report_graph_download", "report_custom_download",
}
WRITE_TOOLS = {
    "campaign_create", "campaign_update", "campaign_commission_status_set", "campaign_document_add",
    "flight_create", "flight_update", "flight_sublines_set", "flight_commission_set", "campaign_discount_create",
    "campaign_discount_update", "flight_discount_create", "flight_discount_update", "customer_upsert",
}
DELETE_TOOLS = {"campaign_archive_status_set", "flight_delete", "campaign_discount_delete", "flight_discount_delete"}
EXTERNAL_ID_ALREADY_USED = "1f06b2d7-49b4-4b8b-aa66-5172aeb01e97"

SECRET = secrets.token_hex(24)
USER = "mcp-test"
WORK = tempfile.mkdtemp(prefix="gotom-mcp-test-")
AUDIT = os.path.join(WORK, "audit.jsonl")
SERVER_LOG = os.path.join(WORK, "server-stderr.log")
SANDBOX_LOG = os.path.join(WORK, "sandbox-stderr.log")

failures = []
checks = []
transcript = []  # every result the client received, as JSON text, for the secret check


def field(value, snake):
    """A result field under its v2 (snake_case) or v1 (camelCase) name."""
    if hasattr(value, snake):
        return getattr(value, snake)
    head, *rest = snake.split("_")
    return getattr(value, head + "".join(part.title() for part in rest))


def check(condition, message):
    checks.append(message)
    if not condition:
        failures.append(message)
        print(f"  FAIL: {message}", flush=True)


def campaign_args(external_id, **extra):
    args = {
        "externalId": external_id, "name": "MCP Frühling", "status": "reservation", "bookingDate": "2025-03-01",
        "customer": {"entityExternalCrmId": "CRM-1001"}, "currency": "CHF",
    }
    args.update(extra)
    return args


FLIGHT = {
    "externalId": "MCP-1-F1",
    "runtime": {"start": {"date": "2025-03-01", "time": "00:00"}, "end": {"date": "2025-03-31"}},
    "tarifId": 1, "mediaId": 20, "platformId": 1, "channelId": 10, "advertisingId": 30, "priceTypeId": 1,
    "units": 100000, "bruttoPriceUnit": 45, "adServerId": "gam",
}


def start_sandbox():
    log = open(SANDBOX_LOG, "w")
    process = subprocess.Popen(
        [GOTOM, "sandbox", "--in-memory", "--port", "0", "--user", USER, "--secret", SECRET],
        stdout=subprocess.PIPE, stderr=log, text=True, env={**os.environ, "XDG_CONFIG_HOME": WORK})
    line = process.stdout.readline()
    match = re.search(r"listening on (\S+)", line)
    if not match:
        process.kill()
        raise SystemExit(f"sandbox did not start: {line!r}")
    return process, match.group(1)


def sandbox_requests():
    """How many requests reached the sandbox so far (its one-line-per-request log)."""
    with open(SANDBOX_LOG) as log:
        return sum(1 for line in log if " /app-api/" in line)


def environment(base_url):
    return {
        **os.environ, "GOTOM_BASE_URL": base_url, "GOTOM_USER": USER, "GOTOM_SECRET": SECRET,
        "XDG_CONFIG_HOME": WORK,
    }


def sdk(base_url, *arguments):
    """The same read with the Swift SDK, through the gotom CLI."""
    output = subprocess.run(
        [GOTOM, *arguments, "--output", "json"], env=environment(base_url), capture_output=True, text=True, check=True)
    return json.loads(output.stdout)


async def with_server(base_url, flags, body, config_home=None):
    env = environment(base_url)
    if config_home:
        env["XDG_CONFIG_HOME"] = config_home
    params = StdioServerParameters(
        command=GOTOM,
        args=["mcp", "--audit-file", AUDIT, "--report-dir", os.path.join(WORK, "reports"), *flags],
        env=env)
    with open(SERVER_LOG, "a") as errlog:
        async with stdio_client(params, errlog=errlog) as (read, write):
            async with ClientSession(read, write) as session:
                init = await session.initialize()
                transcript.append(init.model_dump_json())
                return await body(session, init)


async def call(session, name, arguments):
    result = await session.call_tool(name, arguments)
    transcript.append(result.model_dump_json())
    return result


async def read_only_server(session, init):
    print("read-only server", flush=True)
    check(field(init, 'server_info').name == "gotom", f"server name {field(init, 'server_info').name}")
    check(init.capabilities.tools is not None, "tools capability")
    tools = await session.list_tools()
    transcript.append(tools.model_dump_json())
    names = {tool.name for tool in tools.tools}
    check(names == READ_TOOLS, f"default tools are exactly the reads: {sorted(names ^ READ_TOOLS)}")
    schema = next(field(tool, 'input_schema') for tool in tools.tools if tool.name == "primary_keys_list")
    check("platform" in schema["properties"]["entity"]["enum"], "entity enum from the model")
    check(schema.get("additionalProperties") is False, "unknown arguments are not allowed")

    before = sandbox_requests()
    refused = await call(session, "campaign_create", campaign_args("MCP-RO"))
    check(field(refused, 'is_error'), "a write is refused when writes are off")
    check(field(refused, 'structured_content').get("error") == "notAllowed", f"refusal kind: {field(refused, 'structured_content')}")
    check(sandbox_requests() == before, "a refused write sends nothing")

    customer = await call(session, "customer_get", {"externalCrmId": "CRM-1001"})
    check(not field(customer, 'is_error'), f"customer_get works: {customer.content}")
    check(field(customer, 'structured_content') == sdk(BASE_URL, "customer", "get", "CRM-1001"),
          "customer_get equals the SDK's result")
    check(json.loads(customer.content[0].text) == field(customer, 'structured_content'), "text content is the same JSON")

    keys = await call(session, "primary_keys_list", {"entity": "platform", "limit": 2})
    check(not field(keys, 'is_error') and len(field(keys, 'structured_content')["items"]) == 2, f"limit trims the page: {keys.content}")
    check(field(keys, 'structured_content').get("itemsOmitted", 0) > 0, "omitted items are counted")

    customers = await call(session, "customer_list", {"page": 1})
    check(not field(customers, 'is_error') and field(customers, 'structured_content')["pagination"]["currentPage"] == 1, "customer_list")

    report = await call(session, "report_graph_download", {"savedReportId": 46, "previewBytes": 60})
    check(not field(report, 'is_error'), f"report download: {report.content}")
    if not field(report, 'is_error'):
        content = field(report, 'structured_content')
        check(os.path.exists(content["path"]), "the report file is saved")
        check(len(content["preview"].encode()) <= 60 and content["preview"].startswith('"Datum"'),
              f"bounded preview: {content['preview']!r}")
        check(content["previewIsComplete"] is False, "preview marked incomplete")

    before = sandbox_requests()
    bad = await call(session, "primary_keys_list", {"entity": "planets"})
    check(field(bad, 'is_error') and field(bad, 'structured_content')["error"] == "invalidArguments", "an unknown enum value is refused")
    bad = await call(session, "campaign_get", {"campaignExternalId": "X", "verbose": True})
    check(field(bad, 'is_error') and field(bad, 'structured_content')["violations"][0]["propertyPath"] == "verbose",
          "an unknown argument is refused")
    check(sandbox_requests() == before, "schema-invalid reads send nothing")

    missing = await call(session, "campaign_get", {"campaignExternalId": "NO-SUCH"})
    check(field(missing, 'is_error') and field(missing, 'structured_content')["status"] == 404, f"goTom's 404 as a tool error: {field(missing, 'structured_content')}")

    resources = await session.list_resources()
    uris = {str(resource.uri) for resource in resources.resources}
    check({"gotom://customers", "gotom://primary-keys/platform", "gotom://guide/campaign"} <= uris, f"resources {uris}")
    guide = await session.read_resource("gotom://guide/flight")
    check("units" in guide.contents[0].text, "flight field guide")
    listing = await session.read_resource("gotom://customers")
    check("CRM-1001" in listing.contents[0].text, "customer list resource")
    prompts = await session.list_prompts()
    check(len(prompts.prompts) >= 2, "prompts listed")
    prompt = await session.get_prompt("check_campaign", {"campaignExternalId": "MCP-1"})
    check("MCP-1" in prompt.messages[0].content.text, "prompt text")


async def writes_server(session, init):
    print("writes allowed, deletes not", flush=True)
    tools = await session.list_tools()
    names = {tool.name for tool in tools.tools}
    check(names == READ_TOOLS | WRITE_TOOLS, f"--allow-writes lists reads and writes: {sorted(names ^ (READ_TOOLS | WRITE_TOOLS))}")
    create = next(tool for tool in tools.tools if tool.name == "campaign_create")
    check(set(field(create, 'input_schema')["required"]) >= {"externalId", "name", "status", "bookingDate", "customer"},
          f"required members from the schema: {field(create, 'input_schema').get('required')}")
    check(field(create, 'input_schema')["properties"]["status"]["enum"] == ["booking", "reservation"]
          or set(field(create, 'input_schema')["properties"]["status"]["enum"]) == {"booking", "reservation"}, "status enum")
    check(field(create, 'input_schema')["properties"]["bookingDate"]["format"] == "date", "date format")
    check("dryRun" in field(create, 'input_schema')["properties"], "write tools take dryRun")

    before = sandbox_requests()
    dry = await call(session, "campaign_create", {**campaign_args("MCP-1"), "dryRun": True})
    check(not field(dry, 'is_error'), f"dry run: {dry.content}")
    plan = field(dry, 'structured_content')
    check(plan["dryRun"] is True and plan["method"] == "POST" and plan["target"] == "/app-api/campaign", f"plan {plan}")
    check(plan["body"] == campaign_args("MCP-1"), f"dry-run body is the arguments as sent: {plan['body']}")
    check(json.loads(plan["bodyText"]) == plan["body"], "bodyText is the exact JSON")
    check(sandbox_requests() == before, "a dry run sends nothing")
    check(not os.path.exists(AUDIT) or "MCP-1" not in open(AUDIT).read(), "a dry run is not audited")

    sent = await call(session, "campaign_create", campaign_args("MCP-1"))
    check(not field(sent, 'is_error') and field(sent, 'structured_content')["status"] == 201, f"campaign_create: {sent.content}")
    check(sandbox_requests() == before + 1, "one request for one write")
    records = [json.loads(line) for line in open(AUDIT)]
    last = records[-1]
    check(last["tool"] == "campaign_create" and last["status"] == 201 and last["outcome"] == "ok", f"audit {last}")
    check(last["arguments"]["externalId"] == "MCP-1" and "requestId" in last and "time" in last, f"audit fields {last}")

    flight = await call(session, "flight_create", {"campaignExternalId": "MCP-1", **FLIGHT})
    check(not field(flight, 'is_error'), f"flight_create: {flight.content}")
    campaign = await call(session, "campaign_get", {"campaignExternalId": "MCP-1"})
    check(field(campaign, 'structured_content') == sdk(BASE_URL, "campaign", "get", "MCP-1"), "campaign_get equals the SDK")
    got = await call(session, "flight_get", {"campaignExternalId": "MCP-1", "flightExternalId": "MCP-1-F1"})
    check(field(got, 'structured_content') == sdk(BASE_URL, "flight", "get", "MCP-1", "MCP-1-F1"), "flight_get equals the SDK")

    again = await call(session, "campaign_create", campaign_args("MCP-1"))
    check(field(again, 'is_error'), "a duplicate campaign is a tool error")
    codes = [violation["code"] for violation in field(again, 'structured_content').get("violations", [])]
    check(EXTERNAL_ID_ALREADY_USED in codes, f"the violation code is returned: {field(again, 'structured_content')}")
    check(field(again, 'structured_content').get("status") in (400, 422), f"status returned: {field(again, 'structured_content')}")
    check(all(v["propertyPath"] is not None and v["message"] for v in field(again, 'structured_content')["violations"]),
          "violations have path and message")
    check(json.loads(open(AUDIT).readlines()[-1])["outcome"] == "constraintViolations", "failed writes are audited")

    before = sandbox_requests()
    invalid = await call(session, "campaign_create", campaign_args("MCP-2", status="maybe", bookingDate="1.3.2025"))
    check(field(invalid, 'is_error') and field(invalid, 'structured_content')["error"] == "invalidArguments", f"schema refusal {field(invalid, 'structured_content')}")
    paths = {violation["propertyPath"] for violation in field(invalid, 'structured_content').get("violations", [])}
    check({"status", "bookingDate"} <= paths, f"each invalid argument is named: {paths}")
    missing = await call(session, "flight_create", {"campaignExternalId": "MCP-1", "externalId": "F2"})
    check(field(missing, 'is_error') and "units" in {v["propertyPath"] for v in field(missing, 'structured_content')["violations"]},
          "missing required members are refused")
    check(sandbox_requests() == before, "schema-invalid writes never reach the sandbox")

    deleted = await call(session, "flight_delete", {"campaignExternalId": "MCP-1", "flightExternalId": "MCP-1-F1"})
    check(field(deleted, 'is_error') and field(deleted, 'structured_content')["error"] == "notAllowed", "deletes need --allow-deletes")

    upsert = await call(session, "customer_upsert", {
        "externalCrmId": "CRM-MCP-1", "firm": "MCP Test AG", "status": 1, "statusEc": 1, "language": "de",
        "mainAddress": {"externalCrmId": "CRM-MCP-1-A1"}, "dryRun": True})
    check(not field(upsert, 'is_error') and field(upsert, 'structured_content')["body"]["customer"]["firm"] == "MCP Test AG",
          f"customer_upsert dry run wraps the customer: {upsert.content}")


async def all_tools_server(session, init):
    print("writes and deletes allowed", flush=True)
    tools = await session.list_tools()
    names = {tool.name for tool in tools.tools}
    check(len(tools.tools) == 31 and names == READ_TOOLS | WRITE_TOOLS | DELETE_TOOLS, f"all 31 tools: {len(names)}")
    dry = await call(session, "flight_delete", {"campaignExternalId": "MCP-1", "flightExternalId": "MCP-1-F1", "dryRun": True})
    check(not field(dry, 'is_error') and field(dry, 'structured_content')["method"] == "DELETE"
          and field(dry, 'structured_content')["target"] == "/app-api/campaign/MCP-1/flight/MCP-1-F1", f"delete dry run {dry.content}")
    deleted = await call(session, "flight_delete", {"campaignExternalId": "MCP-1", "flightExternalId": "MCP-1-F1"})
    check(not field(deleted, 'is_error'), f"flight_delete: {deleted.content}")


async def limited_server(session, init):
    print("write limit", flush=True)
    first = await call(session, "campaign_update", {"campaignExternalId": "MCP-1", "note": "eins"})
    second = await call(session, "campaign_update", {"campaignExternalId": "MCP-1", "note": "zwei"})
    check(not field(first, 'is_error'), f"first write passes: {first.content}")
    check(field(second, 'is_error') and field(second, 'structured_content')["error"] == "writeLimit", f"second write is limited: {second.content}")


async def profile_allows_writes(session, init):
    print("profile key mcp_allow_writes", flush=True)
    tools = await session.list_tools()
    names = {tool.name for tool in tools.tools}
    check(names == READ_TOOLS | WRITE_TOOLS, f"mcp_allow_writes = true lists the writes: {len(names)}")


async def sandbox_mode(session, init):
    print("gotom mcp --sandbox", flush=True)
    customer = await call(session, "customer_get", {"externalCrmId": "CRM-1001"})
    check(not field(customer, 'is_error') and field(customer, 'structured_content')["firm"] == "Muster AG", f"in-process sandbox: {customer.content}")


async def http_transport():
    print("gotom mcp --sandbox --http", flush=True)
    import mcp.client.streamable_http as http
    connect = getattr(http, "streamable_http_client", None) or getattr(http, "streamablehttp_client")
    log = open(SERVER_LOG, "a")
    server = subprocess.Popen([GOTOM, "mcp", "--sandbox", "--http", "--port", "0", "--audit-file", AUDIT],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "XDG_CONFIG_HOME": WORK})
    try:
        url = None
        for line in server.stderr:
            log.write(line)
            match = re.search(r"(http://127\.0\.0\.1:\d+/mcp)", line)
            if match:
                url = match.group(1)
                break
        check(url is not None, "the HTTP transport prints its URL")
        async with connect(url) as (read, write, *_):
            async with ClientSession(read, write) as session:
                await session.initialize()
                tools = await session.list_tools()
                check({tool.name for tool in tools.tools} == READ_TOOLS, "HTTP: read tools only")
                customer = await call(session, "customer_get", {"externalCrmId": "CRM-1001"})
                check(field(customer, 'structured_content')["firm"] == "Muster AG", "HTTP: customer_get")
    finally:
        server.terminate()
        server.wait()
        log.close()


def piped_input():
    print("requests piped in, stdin closed at once", flush=True)
    lines = [
        {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "pipe", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 1, "method": "tools/call",
         "params": {"name": "customer_get", "arguments": {"externalCrmId": "CRM-1001"}}},
    ]
    output = subprocess.run([GOTOM, "mcp", "--sandbox", "--audit-file", AUDIT],
                            input="".join(json.dumps(line) + "\n" for line in lines), capture_output=True,
                            text=True, timeout=60, env={**os.environ, "XDG_CONFIG_HOME": WORK})
    replies = [json.loads(line) for line in output.stdout.splitlines()]
    transcript.append(output.stdout)
    check([reply.get("id") for reply in replies] == [0, 1], f"every piped request is answered: {output.stdout[:200]}")
    check(output.returncode == 0, f"exit status {output.returncode}")


async def main():
    global BASE_URL
    sandbox, BASE_URL = start_sandbox()
    try:
        await with_server(BASE_URL, [], read_only_server)
        await with_server(BASE_URL, ["--allow-writes"], writes_server)
        await with_server(BASE_URL, ["--allow-writes", "--allow-deletes"], all_tools_server)
        await with_server(BASE_URL, ["--allow-writes", "--max-writes-per-minute", "1"], limited_server)
        profile_home = os.path.join(WORK, "profile-home")
        os.makedirs(os.path.join(profile_home, "gotom"))
        with open(os.path.join(profile_home, "gotom", "config"), "w") as config:
            config.write("[default]\nmcp_allow_writes = true\n")
        await with_server(BASE_URL, [], profile_allows_writes, config_home=profile_home)
        await with_server("http://127.0.0.1:9", ["--sandbox"], sandbox_mode)
        await http_transport()
        piped_input()
    finally:
        sandbox.terminate()
        sandbox.wait()
    print("secrets", flush=True)
    for text in transcript:
        check(SECRET not in text, "no secret in any MCP message")
    check(SECRET not in open(SERVER_LOG).read(), "no secret on the server's stderr")
    check(SECRET not in open(AUDIT).read(), "no secret in the audit file")
    if failures:
        print(f"{len(failures)} check(s) failed", flush=True)
        sys.exit(1)
    print(f"all {len(checks)} MCP checks passed ({len(transcript)} messages)", flush=True)


BASE_URL = ""
if __name__ == "__main__":
    asyncio.run(main())
