. "$T/gitrepo.inc"
cd repo || exit 9
"$DCVAL" diff --git no-such-rev contracts/events.yaml
