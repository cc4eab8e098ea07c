cd "$T" && "$DCVAL" lint --dump-compiled labels.yaml | sed -n '/^rule /,$p'
