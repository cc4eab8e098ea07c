#!/bin/sh
# Live inputs: a slow writer sees each violation before it writes the
# next record (tests/live/live.py). Ends with "N passed, N failed".
BUILD=${BUILD:-build}
exec /usr/bin/python3 tests/live/live.py "$BUILD/dcval"
