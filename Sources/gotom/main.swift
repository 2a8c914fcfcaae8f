import GoTomCLI
