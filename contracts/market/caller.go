package market

// Caller returns the backend the client reads views through (the one
// passed to New), so a caller that needs more of it (a game player reading
// the latest header) can type-assert it.
func (c *Client) Caller() Caller { return c.caller }
