"$DCVAL" frobnicate
