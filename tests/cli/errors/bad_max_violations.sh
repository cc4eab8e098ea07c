"$DCVAL" validate -c c.yaml --max-violations lots
