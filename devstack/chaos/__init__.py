"""The chaos suite: faults done for real to a running stack under load, then an audit
of what the clients were told against what the stack kept.

    python -m devstack.chaos            # what `make chaos` does; --help for the options

See devstack/chaos/run.py for the run, faults.py for the faults, load.py for the
customers, audit.py for what is checked, vendors.py for the loopback CRM and e-mail."""

from devstack.chaos.run import ChaosOptions, ChaosResult, run, table

__all__ = ["ChaosOptions", "ChaosResult", "run", "table"]
