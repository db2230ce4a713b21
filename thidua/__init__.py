"""thidua: command line and orchestration of a whole registration cycle."""
