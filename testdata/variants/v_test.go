package variants

import "testing"

func TestNothing(t *testing.T) {}
