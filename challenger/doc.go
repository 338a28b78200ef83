// Package challenger is the service that re-executes posted results and
// challenges wrong ones.
package challenger
