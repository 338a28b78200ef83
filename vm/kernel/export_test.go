package kernel

// Set stores value under key without any check, so tests can plant a
// tampered preimage.
func (p *Provider) Set(key [32]byte, value []byte) { p.keccak[key] = value }

// Delete drops a keccak preimage, so tests can withhold one.
func (p *Provider) Delete(key [32]byte) { delete(p.keccak, key) }

// Clone copies the keccak map so tests can modify it without affecting
// other requests of the same session.
func (p *Provider) Clone() *Provider {
	c := &Provider{keccak: make(map[[32]byte][]byte, len(p.keccak)), local: p.local}
	for k, v := range p.keccak {
		c.keccak[k] = v
	}
	return c
}
