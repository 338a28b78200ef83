// Package submitter is the service that answers inference requests with a
// bonded result and defends it in disputes.
package submitter
