"""Workflows: what a front end (command line, web request, queue job) asks thidua to do.

Each takes a Settings and plain values, returns typed results, prints nothing;
progress and notes go to an optional Observer.
"""
