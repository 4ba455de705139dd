/** The password of every demo account in tests (set as FAZHI_ADMIN_PASSWORD would be: no forced change). */
export const PASSWORD = 'Test-Pass-2024';
