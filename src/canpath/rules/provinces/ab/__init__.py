"""Alberta Advantage Immigration Program: Alberta Opportunity Stream, Accelerated Tech Pathway, Worker EOI grid."""
