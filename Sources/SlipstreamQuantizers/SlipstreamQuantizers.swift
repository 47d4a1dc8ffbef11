// Placeholder until the quantizers land.
