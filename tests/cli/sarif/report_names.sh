# Issue: SARIF report. `validate --help` and the usage error of an unknown
# -r list every report format, sarif included (both built from the
# library's table of formats).
"$DCVAL" validate --help | grep -e '--report'
"$DCVAL" validate -c c.yaml -r xml in.csv
