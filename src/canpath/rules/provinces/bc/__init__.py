"""BC Provincial Nominee Program: BC PNP Tech, High Economic Impact selection, the SIRS grid."""
