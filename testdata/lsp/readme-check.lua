-- Runs after the README's Neovim 0.7 configuration block (loaded as
-- init.lua by .ci/lsp-e2e.sh): opens TG_FILE and waits for a diagnostic
-- from tempguard. Writes PASS or FAIL to TG_LOG.
local logf = io.open(os.getenv('TG_LOG'), 'w')
vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('TG_FILE')))
local n = 0
local ok = vim.wait(180000, function()
  n = 0
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.source == 'tempguard' then
      n = n + 1
    end
  end
  return n > 0
end, 200)
logf:write(string.format('%s %d tempguard diagnostics, filetype %s\n', ok and 'PASS' or 'FAIL', n, vim.bo.filetype))
logf:close()
vim.cmd(ok and 'qall!' or 'cquit!')
