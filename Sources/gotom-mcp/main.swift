import GoTomMCP

await MCPMain.run()
