import GoTomCLI

await GoTomMain.run()
