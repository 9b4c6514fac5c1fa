// bench/polars.mjs QUERY FILE: what rcount computes, as a Polars user
// writes it (bench/run's peer; its Node.js package, nodejs-polars 0.25.2,
// installed by bench/run into bench/node/).  QUERY is
//   count     rcount aspect FILE: rows by aspect code, a row once a code
//   distinct  rcount -d review aspect FILE: distinct reviews by code
// Prints rcount's table: a header, then code and count by count
// descending, ties by code.  This version cannot turn quoting off
// (quoteChar must be one character), so the query names a byte that
// review TSV does not hold, as a user whose text has quotes would.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const pl = createRequire(here + 'node/x.js')('nodejs-polars');

const [query, file] = process.argv.slice(2);
if (!['count', 'distinct'].includes(query) || file === undefined) {
	console.error('usage: node bench/polars.mjs count|distinct FILE');
	process.exit(2);
}
const df = pl.readCSV(file, { sep: '\t', quoteChar: '\x1f', hasHeader: true });
const codes = pl.col('aspect').str.split(',')
	.lst.eval(pl.element().str.split('-').lst.first());
let q = df.lazy();
if (query === 'count')
	q = q.select(codes.lst.unique().alias('aspect'))
		.explode('aspect')
		.filter(pl.col('aspect').neq(pl.lit('')))
		.groupBy('aspect').agg(pl.count('aspect').alias('count'));
else
	q = q.select(pl.col('review'), codes.alias('aspect'))
		.explode('aspect')
		.filter(pl.col('aspect').neq(pl.lit('')))
		.groupBy('aspect').agg(pl.col('review').nUnique().alias('count'));
const out = await q.sort(['count', 'aspect'], [true, false]).collect();
process.stdout.write('aspect\tcount\n' + out.rows().map((r) => r.join('\t') + '\n').join(''));
