"""Summary reports (báo cáo sơ kết, tổng kết): figures computed from the records, each knowing what it counts."""
