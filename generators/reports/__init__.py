"""Summary reports (báo cáo sơ kết, tổng kết): statistics and charts computed from the records. To come."""
