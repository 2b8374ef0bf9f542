//! Summaries of repeated timings: median and 95th percentile, and ratios between
//! figures measured side by side.

/// The value below which `q` (0–1) of the samples lie (nearest rank).
pub fn quantile(samples: &[f64], q: f64) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

pub fn median(samples: &[f64]) -> f64 {
    quantile(samples, 0.5)
}

pub fn p95(samples: &[f64]) -> f64 {
    quantile(samples, 0.95)
}

/// "2.31×", or "–" when there is nothing to compare with.
pub fn ratio(value: f64, baseline: f64) -> String {
    if baseline > 0.0 && value.is_finite() && baseline.is_finite() {
        format!("{:.2}×", value / baseline)
    } else {
        "–".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_p95_by_nearest_rank() {
        let samples: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        assert_eq!(median(&samples), 50.0);
        assert_eq!(p95(&samples), 95.0);
        assert_eq!(median(&[3.0]), 3.0);
        assert!(median(&[]).is_nan());
        assert_eq!(ratio(3.0, 2.0), "1.50×");
        assert_eq!(ratio(3.0, 0.0), "–");
    }
}
