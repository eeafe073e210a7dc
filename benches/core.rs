//! Core benchmarks (`cargo bench`): they print numbers and assert nothing.
//! - one eligibility assessment;
//! - every place × service pair (what the comparison table and a full audit cost);
//! - filtering 10,000 synthetic enterprises with facet counts, as one keystroke would;
//! - exporting 1,000 and 10,000 records as CSV and JSON (the times should scale by ~10: linear).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use vats_pilot::data::embedded;
use vats_pilot::eligibility::{assess, Query};
use vats_pilot::filter::{filter, Filter, SearchIndex};
use vats_pilot::model::Dataset;

/// The real dataset with its enterprises repeated (ids made unique) up to `n` records.
pub fn synthetic(n: usize) -> Dataset {
    let mut ds = embedded().clone();
    let base = ds.enterprises.clone();
    ds.enterprises = (0..n)
        .map(|i| {
            let mut e = base[i % base.len()].clone();
            e.id = format!("{}-{i}", e.id);
            if let Some(name) = &mut e.name_en {
                name.push_str(&format!(" {i}"));
            }
            e
        })
        .collect();
    ds
}

fn benches(c: &mut Criterion) {
    let ds = embedded();
    let q = Query::new("hainan", "B11").equity(100);
    c.bench_function("assess one query", |b| b.iter(|| assess(ds, black_box(&q)).unwrap()));

    let pairs: Vec<Query> =
        ds.places.iter().flat_map(|p| ds.services.iter().map(move |s| Query::new(&p.id, &s.id))).collect();
    c.bench_function(&format!("assess all {} place x service pairs", pairs.len()), |b| {
        b.iter(|| pairs.iter().filter_map(|q| assess(ds, q).unwrap().max_foreign_equity_pct).map(u32::from).sum::<u32>())
    });

    let big = synthetic(10_000);
    let index = SearchIndex::new(&big);
    let text = Filter { text: Some("siemens".into()), ..Filter::default() };
    c.bench_function("filter 10,000 enterprises by text with facets", |b| {
        b.iter(|| filter(&big, &index, black_box(&text)).unwrap().indices.len())
    });
    let facets = Filter::default().with("zone", "shanghai").with("status", "approved");
    c.bench_function("filter 10,000 enterprises by zone+status with facets", |b| {
        b.iter(|| filter(&big, &index, black_box(&facets)).unwrap().indices.len())
    });

    for n in [1_000, 10_000] {
        let many = synthetic(n);
        c.bench_function(&format!("export {n} records as CSV"), |b| b.iter(|| vats_pilot::export::csv(&many, black_box(&many.enterprises)).len()));
        c.bench_function(&format!("export {n} records as JSON"), |b| b.iter(|| vats_pilot::export::json(&many, black_box(&many.enterprises)).len()));
    }
}

criterion_group!(core, benches);
criterion_main!(core);
