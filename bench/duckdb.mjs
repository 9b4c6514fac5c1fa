// bench/duckdb.mjs QUERY FILE: what rcount computes, as a DuckDB user
// writes it (bench/run's peer; its Node.js package, installed by
// bench/run into bench/node/).  QUERY is
//   count     rcount aspect FILE: rows by aspect code, a row once a code
//   distinct  rcount -d review aspect FILE: distinct reviews by code
// Prints rcount's table: a header, then code and count by count
// descending, ties by code.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const { DuckDBInstance } = createRequire(here + 'node/x.js')('@duckdb/node-api');

const [query, file] = process.argv.slice(2);
const csv = `read_csv('${file.replaceAll("'", "''")}', delim='\t', quote='', header=true)`;
const sql = {
	count: `
		SELECT code AS aspect, count(*) AS count
		FROM (SELECT unnest(list_distinct(list_transform(
			string_split(aspect, ','), x -> split_part(x, '-', 1)))) AS code
		      FROM ${csv})
		WHERE code <> ''
		GROUP BY code
		ORDER BY count DESC, aspect`,
	distinct: `
		SELECT code AS aspect, count(DISTINCT review) AS count
		FROM (SELECT review, split_part(unnest(string_split(aspect, ',')), '-', 1) AS code
		      FROM ${csv})
		WHERE code <> ''
		GROUP BY code
		ORDER BY count DESC, aspect`,
}[query];
if (sql === undefined || file === undefined) {
	console.error('usage: node bench/duckdb.mjs count|distinct FILE');
	process.exit(2);
}
const con = await (await DuckDBInstance.create(':memory:')).connect();
const rows = (await con.runAndReadAll(sql)).getRows();
process.stdout.write('aspect\tcount\n' + rows.map((r) => r.join('\t') + '\n').join(''));
