# pct_change.awk — the awk peer of `migstat change`: one pass over a table
# sorted by series (metric, place, subject, period), printing the percent
# change against the row before in the same series (by position, as Miller
# and pandas do; ":" is missing, a zero base gives nothing).
BEGIN { FS = ","; OFS = "," }
NR == 1 { next }
{
    key = $1 FS $2 FS $3
    if (key == prev_key && $5 != ":" && prev != ":" && prev != 0)
        print $1, $2, $3, $4, $5, ($5 / prev - 1) * 100
    prev_key = key
    prev = $5
}
