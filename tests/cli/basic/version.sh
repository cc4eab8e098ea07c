"$DCVAL" --version
