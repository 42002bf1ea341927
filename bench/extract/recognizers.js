#!/usr/bin/env node
// recognizers.js -- the peers of `migstat extract` in bench/extract/run.sh.
//
//   node recognizers.js [--peer microsoft|compromise] FILE
//
// Reads FILE (UTF-8 news text), splits it into paragraphs at blank lines
// (/\n\s*\n/: the articles put one blank line between paragraphs and between
// articles, so a paragraph is at most a few hundred characters) and runs the
// peer on each paragraph in turn. Splitting matters for Recognizers-Text,
// whose regular expressions get very slow on long strings; every peer gets
// the same paragraphs.
//
//   microsoft  Microsoft Recognizers-Text (@microsoft/recognizers-text-suite),
//              culture en-us: the number model and the percentage model of
//              one NumberRecognizer made once (the suite's recognizeNumber()
//              makes a new recognizer, with all its cultures, on every call).
//   compromise compromise: nlp(paragraph).numbers() and .percentages().
//
// Prints one line on stdout:
//   peer=NAME paragraphs=N numbers=N percentages=N load_s=S parse_s=S MB_per_s=R
// load_s is the time to load the library and build the models, parse_s the
// time spent on the paragraphs (reading the file excluded); MB/s is over
// parse_s. The numbers found inside percentages ("53" of "53 percent") are
// counted by the number model too: the two counts overlap.
'use strict';

const fs = require('fs');

function usage() {
    process.stderr.write('usage: node recognizers.js [--peer microsoft|compromise] FILE\n');
    process.exit(2);
}

let peer = 'microsoft';
const args = process.argv.slice(2);
if (args[0] === '--peer') {
    peer = args[1];
    args.splice(0, 2);
}
if (args.length !== 1 || !['microsoft', 'compromise'].includes(peer)) usage();

const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

const text = fs.readFileSync(args[0], 'utf8');
const bytes = Buffer.byteLength(text, 'utf8');
const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');

let t0 = process.hrtime.bigint();
let count; // paragraph -> [numbers, percentages]
if (peer === 'microsoft') {
    // The suite re-exports recognizeNumber() but not the recognizer class; the
    // class comes from the number package that the suite installs.
    const { NumberRecognizer, Culture } = require('@microsoft/recognizers-text-number');
    const recognizer = new NumberRecognizer(Culture.English);
    const numberModel = recognizer.getNumberModel(Culture.English);
    const percentModel = recognizer.getPercentageModel(Culture.English);
    count = (p) => [numberModel.parse(p).length, percentModel.parse(p).length];
} else {
    const nlp = require('compromise');
    count = (p) => {
        const doc = nlp(p);
        return [doc.numbers().length, doc.percentages().length];
    };
}
const loadS = seconds(t0);

t0 = process.hrtime.bigint();
let numbers = 0;
let percentages = 0;
for (const p of paragraphs) {
    const [n, pc] = count(p);
    numbers += n;
    percentages += pc;
}
const parseS = seconds(t0);

console.log(`peer=${peer} paragraphs=${paragraphs.length} numbers=${numbers} ` +
    `percentages=${percentages} load_s=${loadS.toFixed(2)} parse_s=${parseS.toFixed(2)} ` +
    `MB_per_s=${(bytes / 1e6 / Math.max(parseS, 0.001)).toFixed(2)}`);
