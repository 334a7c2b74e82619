// Package suite is a minimal stand-in for testify's suite package.
package suite

import "testing"

type Suite struct{ t *testing.T }

func (s *Suite) T() *testing.T { return s.t }

func (s *Suite) SetT(t *testing.T) { s.t = t }

func (s *Suite) Run(name string, f func()) bool { return true }

func Run(t *testing.T, s interface{ SetT(*testing.T) }) {}
