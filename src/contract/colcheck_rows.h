/*
 * THE table of column checks, one row per contract key that becomes a
 * value check (included by colcheck.h and colcheck.c with DV_COLCHECK
 * defined; no include guard on purpose).
 *
 *   DV_COLCHECK(key, rule, types, compile, evaluate, order)
 *
 * key       the column key in the contract
 * rule      the rule id its violations carry
 * types     DV_TM_* mask of the column types the key applies to; the key
 *           on any other type is a contract error ("'pattern' does not
 *           apply to column 'n' of type integer")
 * compile   dcval_status compile(struct dv_cc *, struct dv_colsrc *,
 *           const dv_ynode *value, dv_op *op): called for every column
 *           whose type is in `types`, in the order of the rows (value NULL
 *           when the key is absent: a default, or a check across keys);
 *           it sets op->detail and op->arg to keep the op, or leaves
 *           op->detail NULL to compile to nothing
 * evaluate  a dv_op_eval (contract_impl.h) run on each typed, non-null value
 * order     run order of the compiled ops of one value (ascending): the
 *           order of a value's violations
 *
 * The rows stand in compile order: a later row may rely on an earlier
 * one (enum parses its values with the time `format`; exclusive_maximum
 * checks that the four bounds leave a range). Adding a check is a row
 * here, its compile function and its evaluate function.
 */
DV_COLCHECK("format", DV_R_FORMAT, DV_TM_STRING | DV_TM_TEMPORAL,
	    dv_cc_format, dv_ev_format, 7)
DV_COLCHECK("min_length", DV_R_MIN_LENGTH, DV_TM_STRING,
	    dv_cc_length, dv_ev_min_length, 0)
DV_COLCHECK("max_length", DV_R_MAX_LENGTH, DV_TM_STRING,
	    dv_cc_length, dv_ev_max_length, 1)
DV_COLCHECK("minimum", DV_R_MINIMUM, DV_TM_ORDERED,
	    dv_cc_bound, dv_ev_minimum, 2)
DV_COLCHECK("maximum", DV_R_MAXIMUM, DV_TM_ORDERED,
	    dv_cc_bound, dv_ev_maximum, 3)
DV_COLCHECK("exclusive_minimum", DV_R_EXCLUSIVE_MINIMUM, DV_TM_ORDERED,
	    dv_cc_bound, dv_ev_exclusive_minimum, 4)
DV_COLCHECK("exclusive_maximum", DV_R_EXCLUSIVE_MAXIMUM, DV_TM_ORDERED,
	    dv_cc_bound, dv_ev_exclusive_maximum, 5)
DV_COLCHECK("enum", DV_R_ENUM, DV_TM_SCALAR,
	    dv_cc_enum, dv_ev_enum, 6)
DV_COLCHECK("pattern", DV_R_PATTERN, DV_TM_STRING,
	    dv_cc_pattern, dv_ev_pattern, 8)
DV_COLCHECK("dimension", DV_R_DIMENSION, DV_TM_VECTOR,
	    dv_cc_dimension, dv_ev_dimension, 9)
DV_COLCHECK("finite", DV_R_FINITE, DV_TM_VECTOR,
	    dv_cc_finite, dv_ev_finite, 10)
DV_COLCHECK("norm", DV_R_NORM, DV_TM_VECTOR,
	    dv_cc_norm, dv_ev_norm, 11)
